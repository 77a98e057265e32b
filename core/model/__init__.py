"""The forecasts: the scenario and its parameters, the taakstelling and reserve projections, headline figures."""
