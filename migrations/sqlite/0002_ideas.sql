-- Ideas, their status history and votes.

CREATE TABLE districts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    name_fr TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE ideas (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    slug TEXT NOT NULL,
    body TEXT NOT NULL,
    theme_id INTEGER NOT NULL REFERENCES themes (id),
    district_id INTEGER REFERENCES districts (id),
    author_id INTEGER NOT NULL REFERENCES accounts (id),
    language TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'under_review', 'accepted', 'declined', 'duplicate', 'withdrawn')),
    vote_count INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    comment_count INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
-- One index per list order, alone and within a theme; the id breaks ties so pages never overlap.
CREATE INDEX ideas_by_newest ON ideas (created_at DESC, id DESC);
CREATE INDEX ideas_by_votes ON ideas (vote_count DESC, id DESC);
CREATE INDEX ideas_by_theme_newest ON ideas (theme_id, created_at DESC, id DESC);
CREATE INDEX ideas_by_theme_votes ON ideas (theme_id, vote_count DESC, id DESC);
CREATE INDEX ideas_by_author ON ideas (author_id, created_at DESC);
CREATE INDEX ideas_by_district ON ideas (district_id, created_at DESC);

-- Every status change, with who, when and the public note.
CREATE TABLE idea_status_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idea_id INTEGER NOT NULL REFERENCES ideas (id),
    status TEXT NOT NULL,
    actor_id INTEGER REFERENCES accounts (id),
    note TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL
);
CREATE INDEX idea_status_events_by_idea ON idea_status_events (idea_id, at);

CREATE TABLE votes (
    idea_id INTEGER NOT NULL REFERENCES ideas (id),
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (idea_id, account_id)
);
CREATE INDEX votes_by_account ON votes (account_id, created_at DESC);
CREATE INDEX votes_by_time ON votes (created_at, idea_id);

-- The 19 municipalities of the Brussels-Capital Region.
INSERT INTO districts (slug, position, name_fr, name_nl, name_en) VALUES
  ('anderlecht', 10, 'Anderlecht', 'Anderlecht', 'Anderlecht'),
  ('auderghem', 20, 'Auderghem', 'Oudergem', 'Auderghem'),
  ('berchem-sainte-agathe', 30, 'Berchem-Sainte-Agathe', 'Sint-Agatha-Berchem', 'Berchem-Sainte-Agathe'),
  ('bruxelles', 40, 'Bruxelles-Ville', 'Brussel-Stad', 'City of Brussels'),
  ('etterbeek', 50, 'Etterbeek', 'Etterbeek', 'Etterbeek'),
  ('evere', 60, 'Evere', 'Evere', 'Evere'),
  ('forest', 70, 'Forest', 'Vorst', 'Forest'),
  ('ganshoren', 80, 'Ganshoren', 'Ganshoren', 'Ganshoren'),
  ('ixelles', 90, 'Ixelles', 'Elsene', 'Ixelles'),
  ('jette', 100, 'Jette', 'Jette', 'Jette'),
  ('koekelberg', 110, 'Koekelberg', 'Koekelberg', 'Koekelberg'),
  ('molenbeek-saint-jean', 120, 'Molenbeek-Saint-Jean', 'Sint-Jans-Molenbeek', 'Molenbeek-Saint-Jean'),
  ('saint-gilles', 130, 'Saint-Gilles', 'Sint-Gillis', 'Saint-Gilles'),
  ('saint-josse-ten-noode', 140, 'Saint-Josse-ten-Noode', 'Sint-Joost-ten-Node', 'Saint-Josse-ten-Noode'),
  ('schaerbeek', 150, 'Schaerbeek', 'Schaarbeek', 'Schaerbeek'),
  ('uccle', 160, 'Uccle', 'Ukkel', 'Uccle'),
  ('watermael-boitsfort', 170, 'Watermael-Boitsfort', 'Watermaal-Bosvoorde', 'Watermael-Boitsfort'),
  ('woluwe-saint-lambert', 180, 'Woluwe-Saint-Lambert', 'Sint-Lambrechts-Woluwe', 'Woluwe-Saint-Lambert'),
  ('woluwe-saint-pierre', 190, 'Woluwe-Saint-Pierre', 'Sint-Pieters-Woluwe', 'Woluwe-Saint-Pierre');
