package org.waymark.awareness.web;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.LocaleResolver;
import org.waymark.awareness.HelpTexts;
import org.waymark.shared.PageController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The passengers' help page in each language: public, cacheable, with nothing that tracks. */
@PageController
@RequiredArgsConstructor
class HelpController {

    private final HelpTexts texts;
    private final LocaleResolver locales;

    /** To the help in the language the browser asks for first that there is help in, else English. */
    @GetMapping("/help")
    String chooser(@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        return "redirect:/help/" + texts.bestMatch(acceptLanguage).language();
    }

    /** Any other address under the help is not found in the same plain words, never the staff's error page. */
    @GetMapping("/help/{language}/**")
    String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("languages", texts.all());
        return "help/not-found";
    }

    @GetMapping("/help/{language}")
    String help(@PathVariable String language, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("languages", texts.all());
        HelpTexts.Help help = texts.in(language).orElse(null);
        if (help == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "help/not-found";
        }
        locales.setLocale(request, response, help.locale());
        model.addAttribute("help", help);
        response.setHeader("Cache-Control", CacheControl.maxAge(Duration.ofHours(1)).cachePublic()
                .getHeaderValue());
        return "help/page";
    }
}
