"""The static files storage used with DEBUG off: whitenoise's, with Brotli at quality 9.

whitenoise compresses with Brotli's default quality, 11. On the 4.8 MB plotly.min.js that took
9.4 s for 1.11 MB, where quality 9 took 0.32 s for 1.23 MB (gzip -9: 1.47 MB), and every
`collectstatic` compresses each file twice (its plain and its hashed copy): `make serve`
would spend most of its start-up compressing. Quality 9 keeps Brotli well ahead of gzip.
"""

import brotli
from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

BROTLI_QUALITY = 9


class QuickBrotliCompressor(Compressor):
    @staticmethod
    def compress_brotli(data: bytes) -> bytes:
        return brotli.compress(data, quality=BROTLI_QUALITY)


class CompressedManifestStorage(CompressedManifestStaticFilesStorage):
    """Hashed names, gzip and Brotli copies beside each file, served with a year's cache."""

    def create_compressor(self, **kwargs) -> Compressor:
        return QuickBrotliCompressor(**kwargs)
