"""What reading and extraction both need to know about a text's language: which one it is, and its dates."""
