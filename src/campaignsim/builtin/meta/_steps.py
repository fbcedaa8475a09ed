"""How the Meta rules name an entry step in a message."""


def describe_step(index: int, step) -> str:
    """'entry step 2 (share to timeline, bonus entry)': the position people see in the file, 1-based."""
    what = step.action.replace("_", " ")
    if step.to:
        what += f" to {step.to}"
    if step.count and step.count > 1:
        what += f" × {step.count}"
    if step.optional:
        what += ", bonus entry"
    return f"entry step {index + 1} ({what})"
