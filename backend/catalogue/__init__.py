"""The public procedure catalogue (niêm yết công khai): procedures, fields, agencies, form definitions
and the working-day calendar."""
