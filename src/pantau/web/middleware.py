"""Bahasa Indonesia first: the browser's Accept-Language is ignored; the language cookie decides."""


class IndonesianFirstMiddleware:
    """Placed before LocaleMiddleware, so only the user's explicit choice switches to English."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
