"""Plain-Python rules of the discipline case process (no Django import).

- ``workdays``: Indonesian working days and the named legal deadlines (PP 94/2021, PP 79/2021).
- ``ladder``: the case ladder as one explicit transition table, with role and precondition checks.
- ``sanctions``: the PP 94/2021 Pasal 8 sanction catalogues, the provisions and their levels
  (Pasal 9–14), the SKB 11 (2019) items and the Pasal 35 level recommendation.
- ``pattern``: pattern versus outburst, evidence for the examiner (never a verdict).
- ``conflicts``: conflict-of-interest checks and the Pasal 29(6) substitute superior.

The Django layer (models, services, views, letters) builds on exactly these names. The system
prints levels, allowed sanctions and legal bases; people decide.
"""
