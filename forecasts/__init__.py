"""What was said: experts, questions, claims and forecasts, and how they are stored."""
