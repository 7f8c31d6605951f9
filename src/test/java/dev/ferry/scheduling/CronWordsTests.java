package dev.ferry.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronWordsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "* * * * * ?          | Every second",
            "0/20 * * * * ?       | Every 20 seconds",
            "*/10 * * * * ?       | Every 10 seconds",
            "0 * * * * ?          | Every minute",
            "0 0/5 * * * ?        | Every 5 minutes",
            "0 0 * * * ?          | Every hour, on the hour",
            "0 15 * * * ?         | Every hour at 15 minutes past",
            "0 0 0/2 * * ?        | Every 2 hours",
            "0 30 2 * * ?         | Every day at 02:30 (Europe/Lisbon)",
            "15 30 2 * * ? *      | Every day at 02:30:15 (Europe/Lisbon)",
            "0 0 6 ? * MON-FRI    | On weekdays at 06:00 (Europe/Lisbon)",
            "0 0 6 ? * SAT,SUN    | At weekends at 06:00 (Europe/Lisbon)",
            "0 0 6 ? * MON        | Every Monday at 06:00 (Europe/Lisbon)",
            "0 0 6 ? * mon,wed,6  | 'Every Monday, Wednesday and Friday at 06:00 (Europe/Lisbon)'",
            "0 0 1 1 * ?          | On the 1st of every month at 01:00 (Europe/Lisbon)",
            "0 0 1 22 * ?         | On the 22nd of every month at 01:00 (Europe/Lisbon)",
            "0 0 1 L * ?          | On the last day of every month at 01:00 (Europe/Lisbon)"
    })
    void commonCronsAreSaidInWordsWithTheZoneWhereTheyNameATimeOfDay(String cron, String words) {
        assertThat(CronWords.of(cron, "Europe/Lisbon")).contains(words);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 0 1 1 ? 2099", "0/7 * * * * ?", "5/20 * * * * ?", "0 0/5 2 * * ?", "0 0 2 * 1 ?",
            "0 0 2 ? * MON#2", "0 0 2 1W * ?", "0 0,30 * * * ?", "not a cron", ""})
    void anythingLessCommonIsLeftToTheCronItself(String cron) {
        assertThat(CronWords.of(cron, "UTC")).isEmpty();
    }
}
