"""jzdesk: records, reports and merges the “五送” cultural campaign of the Jiaozuo trade unions."""

APP_NAME = "jzdesk"
APP_TITLE = "“五送”文化活动进基层统计"
__version__ = "0.1.0"
