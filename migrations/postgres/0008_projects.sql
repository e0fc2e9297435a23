-- Projects: moderators promote ideas into candidate projects owned by a member of the
-- government, who adopts or declines them in public and keeps a roadmap and a timeline
-- that everyone can follow. Progress is derived from the milestones, never stored.

CREATE TABLE projects (
    id BIGSERIAL PRIMARY KEY,
    title TEXT NOT NULL,
    slug TEXT NOT NULL,
    summary TEXT NOT NULL,
    -- The language it was written in, so that screen readers pronounce it right.
    language TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
    theme_id BIGINT NOT NULL REFERENCES themes (id),
    owner_id BIGINT NOT NULL REFERENCES accounts (id),
    created_by BIGINT REFERENCES accounts (id),
    status TEXT NOT NULL DEFAULT 'candidate'
        CHECK (status IN ('candidate', 'adopted', 'in_progress', 'completed', 'declined')),
    -- The owner's public statement when adopting or declining.
    statement TEXT NOT NULL DEFAULT '',
    decided_at BIGINT,
    adopted_at BIGINT,
    started_at BIGINT,
    completed_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
-- The public list filters by status, theme and owner, newest first.
CREATE INDEX projects_by_status ON projects (status, id DESC);
CREATE INDEX projects_by_theme ON projects (theme_id, id DESC);
CREATE INDEX projects_by_owner ON projects (owner_id, id DESC);
-- The commitments page: what was adopted since the start of the year.
CREATE INDEX projects_by_adoption ON projects (adopted_at, owner_id) WHERE adopted_at IS NOT NULL;

-- Critical success factors, in the order the moderator wrote them.
CREATE TABLE project_factors (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    position BIGINT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (project_id, position)
);

-- The roadmap. A target date is the unix milliseconds of that day's midnight (UTC).
CREATE TABLE project_milestones (
    id BIGSERIAL PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    target_date BIGINT NOT NULL,
    done BOOLEAN NOT NULL DEFAULT FALSE,
    done_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX project_milestones_by_project ON project_milestones (project_id, position, id);

-- The public timeline: status changes (with the statement or note), a change of owner,
-- and the owner's updates.
CREATE TABLE project_updates (
    id BIGSERIAL PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    kind TEXT NOT NULL CHECK (kind IN ('status', 'owner', 'update')),
    status TEXT,
    body TEXT NOT NULL DEFAULT '',
    author_id BIGINT REFERENCES accounts (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX project_updates_by_project ON project_updates (project_id, created_at DESC, id DESC);

-- An idea belongs to at most one project: the unique key is what refuses the second of
-- two promotions racing for the same idea.
CREATE TABLE project_ideas (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    idea_id BIGINT NOT NULL UNIQUE REFERENCES ideas (id),
    position BIGINT NOT NULL,
    PRIMARY KEY (project_id, idea_id)
);

CREATE TABLE project_follows (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (project_id, account_id)
);
CREATE INDEX project_follows_by_account ON project_follows (account_id, created_at DESC);

-- A project's status changes and updates reach its followers in-app.
ALTER TABLE notifications ADD COLUMN project_id BIGINT REFERENCES projects (id);

-- The dashboard: accepted ideas per theme, and comments per month.
CREATE INDEX ideas_by_theme_status ON ideas (theme_id, status);
CREATE INDEX comments_by_time ON comments (created_at, author_id);
