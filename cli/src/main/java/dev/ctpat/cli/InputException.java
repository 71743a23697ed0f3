package dev.ctpat.cli;

import java.util.List;

/**
 * Bad input to a command, such as an unreadable file: each line of the message is printed to
 * standard error and the command exits with {@link ExitCodes#INPUT_ERROR}.
 */
final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InputException(String message) {
    super(message);
  }

  InputException(List<String> lines) {
    super(String.join("\n", lines));
  }
}
