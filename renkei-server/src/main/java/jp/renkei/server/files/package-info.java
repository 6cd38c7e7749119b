/**
 * Checks on uploaded files shared by several features (and the CLI), before a library reads them.
 */
package jp.renkei.server.files;
