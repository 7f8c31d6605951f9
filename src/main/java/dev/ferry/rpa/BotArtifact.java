package dev.ferry.rpa;

/** One evidence file of a bot run: {@code kind} screenshot or html, {@code href} where the API serves it. */
public record BotArtifact(String kind, String href) {
}
