"""Reports: JSON, Markdown, HTML and terminal renderings of stories and comparisons."""
