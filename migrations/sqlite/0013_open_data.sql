-- The open data API reads an idea's whole discussion in the order it was written, and
-- the feeds the newest project news of all projects.
CREATE INDEX comments_by_idea ON comments (idea_id, id);
CREATE INDEX project_updates_by_time ON project_updates (created_at DESC, id DESC);
