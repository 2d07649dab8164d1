"""What twingraph reads: articles (text, HTML, batches, web pages and feeds), curated facts, twin-town tables."""
