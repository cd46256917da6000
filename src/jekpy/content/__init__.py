"""What a site is made of: documents, pages, front matter, defaults, drops, links."""
