"""Packaging for the Customer Tenet XBlock."""
import re
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent


def requirements(name):
    """Loose requirements from requirements/<name>.in (pins live in the .txt files)."""
    lines = (HERE / "requirements" / name).read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def version():
    text = (HERE / "customer_tenet_xblock" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


setup(
    name="customer-tenet-xblock",
    version=version(),
    description='Open edX XBlock for the "identify your customers" exercise, with rubric feedback and grades',
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-only",  # an SPDX expression; setuptools deprecates License :: classifiers
    python_requires=">=3.11",
    # static/ is top-level in the repository and ships inside the package.
    packages=[
        "customer_tenet_xblock",
        "customer_tenet_xblock.rubric",  # floor 1: the rubric core
        "customer_tenet_xblock.exercise",  # floor 2: the exercise model
        "customer_tenet_xblock.block",  # floor 3: the XBlock layer
        "customer_tenet_xblock.static",
    ],
    package_dir={"customer_tenet_xblock.static": "static"},
    package_data={
        "customer_tenet_xblock": ["translations/*/LC_MESSAGES/*.mo", "translations/*/LC_MESSAGES/*.po"],
        "customer_tenet_xblock.static": ["**/*"],
    },
    include_package_data=False,
    install_requires=requirements("base.in"),
    entry_points={
        "xblock.v1": ["customer_tenet = customer_tenet_xblock.block:CustomerTenetXBlock"],
        "console_scripts": ["customer-tenet = customer_tenet_xblock.cli:main"],
    },
    classifiers=[
        "Framework :: Django",
        "Intended Audience :: Education",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Topic :: Education",
    ],
)
