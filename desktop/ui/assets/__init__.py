"""The Barang (BMD) tab: asset lists per golongan, the asset form, the detail with its history and actions."""
