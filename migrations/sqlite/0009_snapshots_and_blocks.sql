-- A notification tells what happened when it was sent: the status an idea or a project
-- moved to, and a project's milestones done out of all at that moment. Read back from the
-- live rows, an old notification would say "completed" about an adoption.
ALTER TABLE notifications ADD COLUMN status TEXT;
ALTER TABLE notifications ADD COLUMN milestones_done INTEGER;
-- Why moderators hid or restored someone's contribution, for its author to read.
ALTER TABLE notifications ADD COLUMN note TEXT;
ALTER TABLE notifications ADD COLUMN milestones_total INTEGER;

-- What is known of the notifications sent before: the idea's status at the time, and
-- where each project stands now.
UPDATE notifications SET status = (
    SELECT e.status FROM idea_status_events e
    WHERE e.idea_id = notifications.idea_id AND e.at <= notifications.created_at
    ORDER BY e.at DESC, e.id DESC LIMIT 1
) WHERE kind = 'status';
UPDATE notifications SET
    status = (SELECT p.status FROM projects p WHERE p.id = notifications.project_id),
    milestones_done = (SELECT COUNT(CASE WHEN m.done THEN 1 END) FROM project_milestones m
                       WHERE m.project_id = notifications.project_id),
    milestones_total = (SELECT COUNT(*) FROM project_milestones m WHERE m.project_id = notifications.project_id)
WHERE project_id IS NOT NULL;

-- Who blocked an account, for the moderators' list of blocked accounts (most recent
-- first); the reason is already kept for the account holder to read.
ALTER TABLE accounts ADD COLUMN blocked_by INTEGER REFERENCES accounts (id);
CREATE INDEX accounts_blocked ON accounts (blocked_at DESC, id DESC) WHERE blocked_at IS NOT NULL;
