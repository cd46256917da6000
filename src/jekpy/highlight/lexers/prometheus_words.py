"""Word lists of Rouge 3.30's ``prometheus`` lexer (lexers/prometheus.py), kept apart from it."""

from __future__ import annotations

FUNCTIONS = ["abs", "absent", "ceil", "changes", "clamp_max", "clamp_min", "count_scalar", "day_of_month", "day_of_week", "days_in_month", "delta", "deriv", "drop_common_labels", "exp", "floor", "histogram_quantile", "holt_winters", "hour", "idelta", "increase", "irate", "label_replace", "ln", "log2", "log10", "month", "predict_linear", "rate", "resets", "round", "scalar", "sort", "sort_desc", "sqrt", "time", "vector", "year", "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "quantile_over_time", "stddev_over_time", "stdvar_over_time"]
