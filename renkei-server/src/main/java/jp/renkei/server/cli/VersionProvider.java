package jp.renkei.server.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = RenkeiCli.class.getPackage().getImplementationVersion();
    return new String[] {"renkei " + (v == null ? "development build" : v)};
  }
}
