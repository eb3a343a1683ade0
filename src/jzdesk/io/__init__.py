"""Files in and out: photos, the statistics sheet as Excel, filled sheets read back."""
