"""Reading a news web page, as named stages (being moved here from ``io/html``)."""
