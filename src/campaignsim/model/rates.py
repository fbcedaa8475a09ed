"""Reference exchange rates, units per 1 USD: the built-in core pack declares them (hook
``campaignsim_exchange_rates``), and the simulator falls back on them for a registry without any.

Approximate mid-market rates (assumption: rounded reference values, 2026). Thresholds in law are
judged on converted values only as well as these rates allow; override them in
``exchange-rates`` in ``[tool.campaignsim]`` of pyproject.toml, or in campaignsim.toml when it matters.
"""

RATES_PER_USD = {
    "USD": 1.0, "CNY": 7.1, "HKD": 7.8, "TWD": 32.0, "JPY": 150.0, "KRW": 1380.0, "SGD": 1.34,
    "EUR": 0.92, "GBP": 0.78, "CHF": 0.88, "CAD": 1.37, "AUD": 1.52, "NZD": 1.66, "INR": 84.0,
    "MYR": 4.6, "THB": 35.0, "IDR": 16000.0, "PHP": 57.0, "VND": 25000.0, "BRL": 5.5, "MXN": 18.0,
    "SEK": 10.5, "NOK": 10.8, "DKK": 6.9, "PLN": 4.0, "AED": 3.67, "SAR": 3.75,
}
