"""Content packs: the plan's words as data files, loaded into the model.

The default pack is the seed plan (``packs/month-plan.zh-CN.json``); a unit may ship its own
pack with the same shape without touching code.
"""
