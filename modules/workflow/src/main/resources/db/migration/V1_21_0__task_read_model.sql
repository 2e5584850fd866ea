-- The inbox's read model of the engine's open tasks (issue #10, P2): one row per task and candidate
-- group ('' for a task without one), kept in step with act_ru_task in the engine's own transaction
-- (TaskReadModel). IDs and routing data only; the inbox pages it by index instead of the engine's
-- task query, which sorts every visible task on each page.
CREATE TABLE workflow_task (
    task_id               varchar(64)  NOT NULL,
    candidate_group       varchar(255) NOT NULL,
    group_rank            smallint     NOT NULL,
    process_instance_id   varchar(64)  NOT NULL,
    process_definition_id varchar(64)  NOT NULL,
    process_key           varchar(255) NOT NULL,
    business_key          varchar(255),
    region_code           varchar(64),
    subject_id            varchar(255),
    definition_key        varchar(255),
    name                  varchar(255),
    assignee              varchar(255),
    created_at            timestamp    NOT NULL,
    due_at                timestamp,
    follow_up_at          timestamp,
    PRIMARY KEY (task_id, candidate_group)
);

-- the inbox's orders within a candidate group; the filters it applies ride along for index-only counts
CREATE INDEX workflow_task_group_due ON workflow_task (candidate_group, due_at, created_at, task_id)
    INCLUDE (process_key, assignee);
CREATE INDEX workflow_task_group_created ON workflow_task (candidate_group, created_at, task_id)
    INCLUDE (process_key, assignee, due_at);
CREATE INDEX workflow_task_group_name ON workflow_task (candidate_group, name, created_at, task_id)
    INCLUDE (process_key, assignee, due_at);
CREATE INDEX workflow_task_assignee ON workflow_task (assignee) WHERE assignee IS NOT NULL;
CREATE INDEX workflow_task_business_key ON workflow_task (business_key);
CREATE INDEX workflow_task_process_instance ON workflow_task (process_instance_id);
