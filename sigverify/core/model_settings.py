"""The store's settings that name the models in use (their keys only: what they mean is in
:mod:`sigverify.core.active_model`, which brings the models; the audit view names these
settings without it)."""

#: The image model verification uses (a folder; unset: the bundled default).
ACTIVE_MODEL_SETTING = "active_model"
#: The pen model that also judges queries drawn on a pad (a folder; unset: the bundled one).
ACTIVE_PEN_MODEL_SETTING = "active_pen_model"
#: Every model folder activated on this store (so the Models page still lists them).
MODELS_USED_SETTING = "models_used"
