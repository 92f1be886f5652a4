"""What happened and how well experts did: resolving questions, scoring, leaderboards."""
