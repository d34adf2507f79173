"""Family journeys: one simulated family's story under two policies (view: the story in words;
figure: its timeline; words: the story's sentences)."""
