-- Selected buddies enrolled in a training track (scholing).
CREATE TABLE training_enrollment (
    application_id UUID        PRIMARY KEY,
    region_code    VARCHAR(32) NOT NULL REFERENCES region (code),
    track          VARCHAR(40) NOT NULL,
    enrolled_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
