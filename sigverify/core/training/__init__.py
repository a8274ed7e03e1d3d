"""Training a Siamese encoder: settings (`config`, no torch), the run a CLI or the wizard
starts (`run`), the engine, losses, distances, sampling, augmentation and whitening.
Everything but `config` needs torch."""
