-- Accounts, roles, themes and the append-only audit log.
-- Timestamps are unix milliseconds (UTC); flags are 0/1 integers.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('resident', 'business', 'academic')),
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator', 'official', 'admin')),
    portfolio TEXT,
    organisation_name TEXT,
    registration_number TEXT,
    organisation_verified INTEGER NOT NULL DEFAULT 0,
    blocked INTEGER NOT NULL DEFAULT 0,
    auth_version INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX accounts_by_role ON accounts (role, id);
CREATE INDEX accounts_by_created ON accounts (created_at, id);

CREATE TABLE themes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    name_fr TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    description_fr TEXT NOT NULL,
    description_nl TEXT NOT NULL,
    description_en TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX themes_by_position ON themes (position, id);

-- No foreign key on actor_id: the log must outlive any account it mentions.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor_id INTEGER,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_by_action ON audit_log (action, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The seven themes named in the programme announcement of 2 March 2017.
INSERT INTO themes (slug, position, name_fr, name_nl, name_en, description_fr, description_nl, description_en, created_at, updated_at) VALUES
  ('human-capital', 10, 'Capital humain', 'Menselijk kapitaal', 'Human capital', 'Des compétences et une culture numérique pour tous les Bruxellois, à commencer par les enfants : living labs, sensibilisation et formation.', 'Digitale vaardigheden en geletterdheid voor alle Brusselaars, te beginnen bij kinderen: living labs, bewustmaking en opleiding.', 'Skills and digital literacy for everyone in Brussels, starting with children: living labs, awareness and training.', 1488412800000, 1488412800000),
  ('internet-use', 20, 'Usage d''Internet', 'Internetgebruik', 'Internet use', 'Un usage d''Internet plus sûr et plus riche : sensibilisation au harcèlement en ligne, soutien aux enseignants, espaces publics numériques.', 'Veiliger en beter internetgebruik: bewustmaking rond online pesten, steun voor leerkrachten, digitale openbare ruimten.', 'A safer and better use of the Internet: awareness of online harassment, support for teachers, digital public spaces.', 1488412800000, 1488412800000),
  ('digital-technology', 30, 'Intégration des technologies numériques', 'Integratie van digitale technologie', 'Integration of digital technology', 'Des données qui circulent : sources authentiques, stratégie régionale d''open data et plateforme urbaine commune.', 'Gegevens die vlot doorstromen: authentieke bronnen, de gewestelijke opendatastrategie en een gedeeld stedelijk platform.', 'Data that flows: authentic sources, the regional open data strategy and a shared urban platform.', 1488412800000, 1488412800000),
  ('digital-administration', 40, 'Administration numérique', 'Digitale administratie', 'Digital administration', 'Des services publics simples à utiliser en ligne, pour les habitants comme pour les entreprises.', 'Overheidsdiensten die online eenvoudig te gebruiken zijn, voor inwoners en bedrijven.', 'Public services that are simple to use online, for residents and businesses alike.', 1488412800000, 1488412800000),
  ('transversality', 50, 'Transversalité', 'Transversaliteit', 'Transversality', 'Des projets qui traversent administrations et compétences, coordonnés par le Smart City Program Office.', 'Projecten over administraties en bevoegdheden heen, gecoördineerd door het Smart City Program Office.', 'Projects that cross administrations and policy areas, coordinated by the Smart City Program Office.', 1488412800000, 1488412800000),
  ('digital-inclusion', 60, 'Inclusion numérique', 'Digitale inclusie', 'Digital inclusion', 'Personne n''est laissé de côté : espaces publics numériques 2.0, nouvelles formations et liens avec les fablabs.', 'Niemand blijft achter: digitale openbare ruimten 2.0, nieuwe opleidingen en banden met fablabs.', 'Nobody left behind: digital public spaces 2.0, new kinds of training and links with fablabs.', 1488412800000, 1488412800000),
  ('european-dimension', 70, 'Dimension européenne', 'Europese dimensie', 'European dimension', 'Bruxelles, capitale européenne : standards partagés, partenariats et financements avec d''autres villes.', 'Brussel als Europese hoofdstad: gedeelde standaarden, partnerschappen en financiering met andere steden.', 'Brussels as a European capital: shared standards, partnerships and funding with other cities.', 1488412800000, 1488412800000);
