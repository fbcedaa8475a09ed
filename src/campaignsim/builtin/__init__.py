"""The packs campaignsim ships. Each is a plugin, registered through the same entry-point group
(``campaignsim``) and hooks that a third-party plugin uses."""
