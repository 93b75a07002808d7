"""The spaCy layer: the pipeline, its paragraph component, and dependency-tree indexes."""
