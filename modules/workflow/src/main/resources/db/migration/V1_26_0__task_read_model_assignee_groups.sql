-- The inbox's branch of tasks assigned to a coordinator personally that none of her groups holds
-- (issue #10, P2): with the task's group and ID in the assignee index, her own groups' tasks assigned
-- to her (thousands at a million open tasks) are passed over in the index, without reading the table.
-- It also serves every look-up by assignee, so it replaces the assignee-only index.
CREATE INDEX workflow_task_assignee_groups ON workflow_task (assignee, group_rank, candidate_group, task_id) WHERE assignee IS NOT NULL;
DROP INDEX workflow_task_assignee;
