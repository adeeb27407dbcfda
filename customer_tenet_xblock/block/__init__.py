"""
Floor 3, the XBlock layer: the block class, its fields, views and handlers,
the Studio and insights mixins, permissions and static resources.

Thin glue between the runtime and the floors below it. The entry point
(`customer_tenet_xblock.block:CustomerTenetXBlock`) names this package.
"""
from .customer_tenet import CustomerTenetXBlock  # noqa: F401
