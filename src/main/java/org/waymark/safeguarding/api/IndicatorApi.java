package org.waymark.safeguarding.api;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.IndicatorGroup;
import org.waymark.safeguarding.Indicators;
import org.waymark.safeguarding.api.CheckJson.IndicatorJson;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Indicators")
@RequiredArgsConstructor
class IndicatorApi {

    private final Indicators indicators;

    record Catalogue(int version, List<IndicatorJson> indicators) {
    }

    record NewIndicator(String code, IndicatorGroup group, String exploitationType, String text) {
    }

    @GetMapping("/api/v1/indicators")
    @Operation(summary = "The indicator catalogue, retired indicators included")
    Catalogue catalogue() {
        return new Catalogue(indicators.version(), indicators.all().stream().map(IndicatorJson::of).toList());
    }

    @PostMapping("/api/v1/indicators")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an indicator (administrators)")
    IndicatorJson add(@RequestBody NewIndicator request, @AuthenticationPrincipal WaymarkUser user) {
        return IndicatorJson.of(indicators.add(request.code(), request.group(), request.exploitationType(),
                request.text(), user));
    }

    @PostMapping("/api/v1/indicators/{code}/retire")
    @Operation(summary = "Retire an indicator (administrators); checks that recorded it keep it")
    IndicatorJson retire(@PathVariable String code, @AuthenticationPrincipal WaymarkUser user) {
        return IndicatorJson.of(indicators.retire(code, user));
    }
}
