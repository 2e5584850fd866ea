-- A look at a case's process diagrams is an entry of the shared audit log (subject CASE), like every
-- other case-file view; the diagram's own view log goes. Its rows move over first.
INSERT INTO audit_log (at, user_id, roles, regions, action, subject_type, subject_id, region_code)
SELECT viewed_at, viewed_by, '', '', 'VIEW', 'CASE', case_reference, NULL FROM case_diagram_view ORDER BY id;
DROP TABLE case_diagram_view;
