"""Pages of the reports app: dashboard, periodic report, transparency, model monitoring, exports."""
