"""gwr: the library behind the analytical edition of Taiyuan's 2020 government work report.

Data flows one way: data/raw + data/curated -> gwr -> data/processed -> notebooks -> book.
"""

__version__ = "0.3.0"
