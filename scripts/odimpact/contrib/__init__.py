"""The contributor workflow: scaffolding, safe rewriting of case files, issue import, link
checks."""
