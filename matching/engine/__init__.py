"""The matching engine's pure core: plain data in, ranked and explained suggestions out.

Nothing here touches the ORM or a request, so it is unit-tested without a database and
benchmarked at any size. `matching.services` loads the data, calls it and stores results.
"""
