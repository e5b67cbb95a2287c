"""A district: one repository, one site for a district and its schools (issue 18).

The district project is an ordinary project (site_config.yaml + content/) whose site_config declares
`district:` with its schools; each school is a folder with exactly a single school's layout, built by the
ordinary pipeline into /<school>/ (oko/district/build.py). The district's own pages (monitoring, ВПР
schedule, results, the district plan) are one more kind, registered for the district's own build only.
"""
