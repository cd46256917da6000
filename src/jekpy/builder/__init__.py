"""Building a site: reading, rendering, writing; incremental and parallel builds."""
