"""Validation rules. Each rule is a small function yielding Problems; its docstring says why it
exists."""
