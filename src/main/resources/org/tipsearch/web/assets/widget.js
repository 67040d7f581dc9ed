// the <tipsearch-box> widget: to be written
