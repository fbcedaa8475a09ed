"""Output: one module per format, registered through the ``campaignsim_output_formats`` hook."""
