"""``policyqa passwd``: a login line for ``serve --auth-file``."""

from __future__ import annotations

import sys

import click


@click.command()
@click.argument("user")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from stdin instead of a prompt."
)
def passwd(user: str, password_stdin: bool) -> None:
    """Print a login line for `serve --auth-file` (the password is stored hashed).

    The line is `USER:pbkdf2_sha256$ITERATIONS$SALT$HASH`; append it to the file.

    \b
    Example:
      policyqa passwd alice >> users.txt
      echo 's3cret' | policyqa passwd bob --password-stdin >> users.txt
      policyqa serve --host 0.0.0.0 --auth-file users.txt
    """
    from ui.auth import passwd_line

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt(
            "密码 password", hide_input=True, confirmation_prompt=True, err=True
        )
    click.echo(passwd_line(user, password))
