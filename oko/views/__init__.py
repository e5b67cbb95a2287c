"""Page builders per content kind (part of the site stage: URLs and page data)."""
